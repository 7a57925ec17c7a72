# Sourced by the make-*figures.sh scripts: go to the repository root, build the CLI, define
# `modeldsl` (the real command) and a scratch folder $work removed on exit; figures go to $out.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
dotnet build src/ModelDsl.Cli -c Release -v quiet -nologo >/dev/null
modeldsl() { dotnet src/ModelDsl.Cli/bin/Release/net10.0/modeldsl.dll "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=docs/figures
