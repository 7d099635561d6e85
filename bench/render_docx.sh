#!/usr/bin/env bash
# Render an exported .docx to PDF and PNG pages, for a person to look at the layout.
#
#   bench/render_docx.sh FILE.docx [OUTDIR] [DPI]
#
# Writes OUTDIR/FILE.pdf and OUTDIR/FILE-1.png, FILE-2.png ... (OUTDIR defaults to the
# folder of FILE, DPI to 60). Needs LibreOffice and pdftoppm:
#   apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-ukai
# The official fonts (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体, 宋体) are proprietary;
# when they are not installed this script maps them to free look-alikes through a private
# fontconfig file: 方正小标宋简体 -> Noto Serif CJK SC Bold, 仿宋_GB2312 and 宋体 -> Noto
# Serif CJK SC, 楷体_GB2312 -> AR PL UKai CN, 黑体 -> Noto Sans CJK SC.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 3 ]]; then
  echo "用法：$0 FILE.docx [OUTDIR] [DPI]" >&2
  exit 2
fi
docx=$1
[[ -f $docx ]] || { echo "错误：$docx: 文件不存在" >&2; exit 1; }
outdir=${2:-$(dirname -- "$docx")}
dpi=${3:-60}
office=$(command -v soffice || command -v libreoffice || true)
[[ -n $office ]] || { echo "错误：没有找到 LibreOffice（apt-get install libreoffice-writer-nogui）" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "错误：没有找到 pdftoppm（apt-get install poppler-utils）" >&2; exit 1; }
mkdir -p -- "$outdir"

work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT

# Free substitutes for the proprietary 公文 fonts; installed real fonts are preferred
# because these rules only fire when fontconfig has no font of that family name.
cat >"$work/fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern">
    <test name="family"><string>方正小标宋简体</string></test>
    <edit name="family" mode="append" binding="strong"><string>Noto Serif CJK SC</string></edit>
    <edit name="weight" mode="assign"><const>bold</const></edit>
  </match>
  <match target="pattern">
    <test name="family"><string>仿宋_GB2312</string></test>
    <edit name="family" mode="append" binding="strong"><string>Noto Serif CJK SC</string></edit>
  </match>
  <match target="pattern">
    <test name="family"><string>仿宋</string></test>
    <edit name="family" mode="append" binding="strong"><string>Noto Serif CJK SC</string></edit>
  </match>
  <match target="pattern">
    <test name="family"><string>楷体_GB2312</string></test>
    <edit name="family" mode="append" binding="strong"><string>AR PL UKai CN</string></edit>
  </match>
  <match target="pattern">
    <test name="family"><string>楷体</string></test>
    <edit name="family" mode="append" binding="strong"><string>AR PL UKai CN</string></edit>
  </match>
  <match target="pattern">
    <test name="family"><string>黑体</string></test>
    <edit name="family" mode="append" binding="strong"><string>Noto Sans CJK SC</string></edit>
  </match>
  <match target="pattern">
    <test name="family"><string>宋体</string></test>
    <edit name="family" mode="append" binding="strong"><string>Noto Serif CJK SC</string></edit>
  </match>
</fontconfig>
XML
export FONTCONFIG_FILE="$work/fonts.conf"

name=$(basename -- "$docx" .docx)
# A private LibreOffice profile: no clash with a running office, no first-start dialogs.
"$office" -env:UserInstallation="file://$work/profile" --headless --norestore \
  --convert-to pdf --outdir "$work" "$docx" >/dev/null 2>"$work/office.log" || {
  cat "$work/office.log" >&2
  echo "错误：$docx: LibreOffice 转换失败" >&2
  exit 1
}
[[ -f "$work/$name.pdf" ]] || { cat "$work/office.log" >&2; echo "错误：$docx: 没有生成 PDF" >&2; exit 1; }
cp -- "$work/$name.pdf" "$outdir/$name.pdf"
pdftoppm -r "$dpi" -png "$outdir/$name.pdf" "$outdir/$name"
echo "$outdir/$name.pdf"
ls -1 -- "$outdir/$name"-*.png
