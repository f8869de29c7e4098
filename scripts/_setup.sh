# Sourced by scripts/run and scripts/test: a .venv with Python 3.13 and REQUIREMENTS installed
# (scripts/run: requirements.txt, what the app runs on; scripts/test: requirements-dev.txt, that plus test tools).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

find_python() {
  local candidate
  for candidate in python3.13 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' >/dev/null 2>&1; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))'; then
  if ! PYTHON=$(find_python); then
    echo "Python 3.13 is needed (see .python-version) and none was found." >&2
    echo "Install it, e.g. 'pyenv install 3.13' or 'apt-get install python3.13 python3.13-venv', then rerun." >&2
    exit 1
  fi
  echo "Creating .venv with $PYTHON"
  rm -rf .venv
  "$PYTHON" -m venv .venv
fi

REQUIREMENTS="${REQUIREMENTS:-requirements.txt}"
# One stamp per requirements file, over every file it reads, so editing requirements.txt reinstalls for both.
requirements_stamp=".venv/.${REQUIREMENTS%.txt}.sha256"
if [ ! -f "$requirements_stamp" ] || ! sha256sum --check --status "$requirements_stamp"; then
  echo "Installing $REQUIREMENTS into .venv"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -r "$REQUIREMENTS"
  .venv/bin/python -m pip check
  sha256sum requirements*.txt > "$requirements_stamp"
fi
