#!/usr/bin/env bash
# Set up a Debian 12 machine for Lowland (idempotent; run as root or with sudo).
# Installs QGIS 3.22 from Debian, CJK fonts, Xvfb and poppler for screenshots and
# PDF checks, and a venv (.venv) made from /usr/bin/python3 with system site
# packages and the pinned Python dependencies.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${LOWLAND_VENV:-$ROOT/.venv}"

APT_PACKAGES=(
  qgis python3-qgis qgis-providers
  python3-venv python3-pip python3-gdal python3-pandas python3-pyproj
  python3-jsonschema python3-jinja2 python3-matplotlib
  qttools5-dev-tools fonts-noto-cjk fonts-wqy-zenhei xvfb xauth poppler-utils make git
  postgresql postgis postgresql-15-postgis-3
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "[setup] installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "[setup] creating venv $VENV from /usr/bin/python3 (with system site packages)"
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
stamp="$VENV/.lowland-requirements"
want="$(cat "$ROOT/requirements.txt" "$ROOT/requirements-nodeps.txt" "$ROOT/requirements-cluster.txt" | sha256sum)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "[setup] installing pinned Python packages"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$ROOT/requirements.txt"
  "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps -r "$ROOT/requirements-nodeps.txt"
  # the cluster command's packages: the lines marked "# --no-deps" without their dependencies
  cluster="$(mktemp -d)"
  grep -v -- '# --no-deps' "$ROOT/requirements-cluster.txt" >"$cluster/deps.txt"
  grep -- '# --no-deps' "$ROOT/requirements-cluster.txt" | sed 's/#.*//' >"$cluster/nodeps.txt"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$cluster/deps.txt"
  "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps -r "$cluster/nodeps.txt"
  rm -rf "$cluster"
  echo "$want" >"$stamp"
fi

# Translations (.qm are committed too; rebuilt here so they always match the .ts).
"$VENV/bin/python" "$ROOT/scripts/i18n.py" compile

# A plugin folder for QGIS named "lowland", whatever this checkout's folder is called.
mkdir -p "$ROOT/.build/plugins"
ln -sfn "$ROOT" "$ROOT/.build/plugins/lowland"

PROJ_DATA=/usr/share/proj "$VENV/bin/python" - <<'PY'
import shapely, geopandas, qgis.core
print(f"[setup] ok: QGIS {qgis.core.Qgis.QGIS_VERSION}, shapely {shapely.__version__} "
      f"(GEOS {shapely.geos_version_string}), geopandas {geopandas.__version__}")
PY
