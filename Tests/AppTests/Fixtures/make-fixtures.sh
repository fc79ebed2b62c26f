#!/bin/sh
# Rebuilds the task-export workbooks of TaskImportTests from the CSV files
# beside this script with real LibreOffice (apt-get install libreoffice-calc),
# read with the Vietnamese locale (1066) so that dd/mm/yyyy become date cells,
# as a task-tracking system's Excel export has them.
set -eu
cd "$(dirname "$0")"
for name in task-export task-export-bad; do
    soffice --headless --infilter="CSV:44,34,76,1,,1066" --convert-to xlsx "$name.csv" >/dev/null
done
