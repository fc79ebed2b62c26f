#!/bin/sh
# Rebuilds the workbook fixtures of XLSXReaderTests from the .fods sources
# beside this script, with real LibreOffice (apt-get install libreoffice-calc)
# and Python 3:
#   tasks.xlsx       tasks.fods as LibreOffice saves it in Excel format;
#   two-sheets.xlsx  two-sheets.fods saved the same way, then its two sheets
#                    swapped in xl/workbook.xml, as Excel does when a sheet is
#                    moved: the first sheet in workbook order is sheet2.xml;
#   old-format.xls   two-sheets.fods in the old binary Excel format (an OLE file);
#   memo.docx        a Word-like package: a ZIP with no workbook;
#   bomb.xlsx        a workbook whose sheet unzips to 3 MB of XML (mostly
#                    spaces) while its ZIP headers claim 1000 bytes.
set -eu
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
soffice --headless --convert-to xlsx --outdir "$out" tasks.fods two-sheets.fods >/dev/null
soffice --headless --convert-to xls --outdir "$out" two-sheets.fods >/dev/null
cp "$out/tasks.xlsx" tasks.xlsx
cp "$out/two-sheets.xls" old-format.xls
python3 - "$out/two-sheets.xlsx" <<'PYTHON'
import re, sys, zipfile

with zipfile.ZipFile(sys.argv[1]) as source, \
        zipfile.ZipFile("two-sheets.xlsx", "w", zipfile.ZIP_DEFLATED) as target:
    for item in source.infolist():
        data = source.read(item.filename)
        if item.filename == "xl/workbook.xml":
            text = data.decode("utf-8")
            first, second = re.findall(r"<sheet [^>]*/>", text)
            text = text.replace(first + second, second + first)
            data = text.encode("utf-8")
        target.writestr(item, data)

with zipfile.ZipFile("memo.docx", "w", zipfile.ZIP_DEFLATED) as docx:
    docx.writestr("[Content_Types].xml",
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    docx.writestr("_rels/.rels",
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    docx.writestr("word/document.xml",
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:body><w:p><w:r><w:t>Biên bản họp</w:t></w:r></w:p></w:body></w:document>')

sheet = "xl/worksheets/sheet1.xml"
with zipfile.ZipFile("bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as bomb:
    bomb.writestr("_rels/.rels",
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    bomb.writestr("xl/workbook.xml",
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>')
    bomb.writestr("xl/_rels/workbook.xml.rels",
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    bomb.writestr(sheet,
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>' + " " * 3_000_000 + '</sheetData></worksheet>')
    offset = bomb.getinfo(sheet).header_offset
# The lie: the sheet's uncompressed size, in its local header and in the central directory.
data = bytearray(open("bomb.xlsx", "rb").read())
data[offset + 22:offset + 26] = (1000).to_bytes(4, "little")
central = data.index(b"PK\x01\x02")
while data[central + 46:central + 46 + len(sheet)] != sheet.encode():
    central = data.index(b"PK\x01\x02", central + 4)
data[central + 24:central + 28] = (1000).to_bytes(4, "little")
open("bomb.xlsx", "wb").write(bytes(data))
PYTHON
