#!/bin/bash
# The GPU side of scripts/gpu-bench/pack.sh: unpacks its archive (or the parts of it, in order),
# finds the Chromium flags under which WebGL renders on the GPU, and runs the benchmark with them.
#   scripts/gpu-bench/run.sh ARCHIVE_OR_PARTS...
# Unpacks into $GPU_BENCH_DIR (default /tmp/gpu-bench) and runs there; writes the bench's log and
# results.json, each set of flags tried and what it found about the machine into $OUT (default
# bench/.gpu). BENCH_OPTS replaces the bench's options below; BENCH_GPU_ARGS, Chromium's flags for
# the GPU, skips the search for them.
set -u
[ $# -gt 0 ] || { echo "usage: $0 gpu-bench.tar.xz (or its parts, in order)"; exit 2; }
PARTS=(); for part in "$@"; do PARTS+=("$(realpath "$part")"); done
cd "$(dirname "$0")/../.."
G=${GPU_BENCH_DIR:-/tmp/gpu-bench}
REPORT=${OUT:-bench/.gpu}
mkdir -p "$G" "$REPORT"
cat "${PARTS[@]}" | tar -xJ -C "$G" || { echo "could not unpack ${PARTS[*]}"; exit 1; }

{
  echo "== machine"; nvidia-smi -L 2>&1; nvidia-smi --query-gpu=name,driver_version --format=csv 2>&1
  head -2 /etc/os-release; ldd --version | head -1
  echo "== libraries"; ldconfig -p | grep -E "libEGL|libvulkan|nvidia|libstdc|libgcc_s" | head -40
} > "$REPORT/machine.txt" 2>&1
cat "$REPORT/machine.txt"

# Bookworm's C++ runtime is older than most; the target's own serves the shell as well.
for l in libstdc++.so.6 libgcc_s.so.1; do ldconfig -p | grep -q " $l " && rm -f "$G/libs/$l"; done
# NVIDIA's driver files; on other machines the loaders' defaults apply.
ICD=$(find / -xdev -name "nvidia_icd*.json" 2>/dev/null | head -1)
EGL_VENDOR=$(find / -xdev -name "10_nvidia*.json" 2>/dev/null | head -1)
[ -n "$ICD" ] && export VK_DRIVER_FILES=$ICD VK_ICD_FILENAMES=$ICD
[ -n "$EGL_VENDOR" ] && export __EGL_VENDOR_LIBRARY_FILENAMES=$EGL_VENDOR
GL_DIR=""; ldconfig -p | grep -q "libEGL.so.1 " || GL_DIR=$G/gl
export LD_LIBRARY_PATH=$G/chrome:$G/libs:/usr/local/nvidia/lib64:/usr/local/nvidia/lib${GL_DIR:+:$GL_DIR}
echo "Vulkan driver: ${ICD:-default}; EGL vendor: ${EGL_VENDOR:-default}; GL loaders: ${GL_DIR:-from the machine}"

SHELL_BIN=$G/chrome/chromium-headless-shell
PAGE='data:text/html,<body><script>const g=document.createElement("canvas").getContext("webgl2");const i=g&&g.getExtension("WEBGL_debug_renderer_info");document.body.textContent="RENDERER="+(g?g.getParameter(i?i.UNMASKED_RENDERER_WEBGL:g.RENDERER):"none")</script></body>'
# BENCH_GPU_ARGS, when set, is used as it is and nothing is probed.
CHOSEN=${BENCH_GPU_ARGS:-}
: > "$REPORT/probe.txt"
[ -n "$CHOSEN" ] || while IFS= read -r FLAGS; do
  timeout 20 "$SHELL_BIN" --no-sandbox --headless --no-first-run --disable-background-networking \
    --disable-component-update $FLAGS --enable-logging=stderr --dump-dom "$PAGE" > "$G/probe.out" 2> "$G/probe.err"
  FOUND=$(grep -o "RENDERER=[^<]*" "$G/probe.out" || echo "RENDERER=(no answer)")
  { echo "== $FLAGS"; echo "$FOUND"; grep -i -E "vulkan|egl|angle" "$G/probe.err" | head -12; } >> "$REPORT/probe.txt"
  echo "$FLAGS -> $FOUND"
  if [ -z "$CHOSEN" ] && ! echo "$FOUND" | grep -q -i -E "none|no answer|swiftshader|llvmpipe"; then CHOSEN=$FLAGS; fi
done <<'FLAG_SETS'
--use-angle=vulkan --enable-features=Vulkan --ignore-gpu-blocklist --disable-vulkan-surface
--use-angle=vulkan --enable-features=Vulkan,VulkanFromANGLE,DefaultANGLEVulkan --use-vulkan=native --ignore-gpu-blocklist --disable-vulkan-surface
--use-gl=angle --use-angle=gl-egl --ignore-gpu-blocklist
--use-angle=gl --ignore-gpu-blocklist
--use-gl=egl --ignore-gpu-blocklist
FLAG_SETS
[ -n "$CHOSEN" ] || { echo "no set of flags rendered WebGL2 on a GPU: see $REPORT/probe.txt"; exit 3; }
echo "GPU flags: $CHOSEN"

REPORT=$(realpath "$REPORT")
set -o pipefail
# BENCH_TIMEOUT (seconds, default 480) ends a run that hangs, so that what it printed still comes back.
(cd "$G" && CHROMIUM_PATH=$SHELL_BIN BENCH_GPU_ARGS=$CHOSEN timeout "${BENCH_TIMEOUT:-480}" ./node bench.mjs --skip-build --gpu \
  ${BENCH_OPTS:---loads 7 --steps 120 --raster-steps 120}) 2>&1 | tee "$REPORT/bench.log"
STATUS=$?
cp "$G/bench/results.json" "$REPORT/" 2>/dev/null
exit $STATUS
