"""`pia serve`: a live preview of the specs on 127.0.0.1, each page reloaded when a spec, a fragment
or law file, or a template is saved. It uses the pipeline (build.read_spec, the HTML renderer); the
pipeline never uses it."""
