"""Page and table geometry shared by the DOCX template builder and the renderer (A4, mm)."""

FONT = "ＭＳ 明朝"
SHADE = "D9D9D9"
PAGE_MARGIN_MM = 12
FORM_WIDTHS = (30, 26, 70, 60)          # label | sub-label | value | ＜選択肢＞  (186 mm)
CHANGE_WIDTHS = (22, 34, 46, 46, 14, 24)
