# Sourced by setup.sh and browser-setup.sh: Debian packages installed with apt-get.
#
#   apt_install LABEL RELEASE PACKAGE...
#
# installs PACKAGE... (from the target release RELEASE, or the default one when RELEASE is
# empty) as root or through password-less sudo, after updating the package lists (a fresh
# machine's may be empty or stale). Without apt-get, or without root, it says what to run,
# prefixed with LABEL, and returns 1.
apt_install() {
    local label="$1" release="$2"
    shift 2
    local target=()
    [ -z "$release" ] || target=(-t "$release")
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "$label: missing $* and no apt-get: these scripts know Debian 12 only" >&2
        return 1
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo -n)
        else
            echo "$label: missing $*; as root run: apt-get install -y ${target[*]} $*" >&2
            return 1
        fi
    fi
    echo "$label: installing $* (apt-get${release:+, $release})"
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
        --no-install-recommends "${target[@]}" "$@"
}
