#!/bin/sh
# The storyline CLI. A shell wrapper because tsx cannot parse an `env -S` shebang; resolves symlinks so it
# works from node_modules/.bin and from any working directory.
here=$(dirname "$(readlink -f "$0")")
root=$(cd "$here/../../.." && pwd)
exec node --import "file://$root/node_modules/tsx/dist/loader.mjs" "$here/../src/cli/main.ts" "$@"
