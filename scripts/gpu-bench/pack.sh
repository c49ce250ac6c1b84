#!/bin/bash
# Packs `npm run bench -- --gpu` for a Linux x86-64 machine that has a GPU but no Node, no Chromium
# and no network (such as the GPU machines lent to some tasks of this project): the built bench
# pages, the bench bundled into one file, Debian's headless Chromium with the libraries it links,
# the GL and Vulkan loaders, Node and playwright-core, in one .tar.xz (about 105 MB).
#
# Run from the repository on a Debian or Ubuntu machine where `npm ci` has run and apt can download:
#   scripts/gpu-bench/pack.sh [OUT_DIR]        (default .gpu, which git ignores)
# SPLIT=53M cuts the archive into parts of that size, for transfers with a size limit. Then, on the
# GPU machine, in a copy of the repository: scripts/gpu-bench/run.sh OUT_DIR/gpu-bench.tar.xz*
set -euo pipefail
cd "$(dirname "$0")/../.."
DEST=$(realpath -m "${1:-.gpu}")
STAGE=$(mktemp -d)
DEBS=$(mktemp -d)
trap 'rm -rf "$STAGE" "$DEBS"' EXIT
# The archive is a root that the bundled bench runs in: bench/.out, node_modules, as in the repository.
mkdir -p "$DEST" "$STAGE"/{chrome,libs,gl,bench/.out,node_modules/maplibre-gl/dist}

echo "building the bench pages (bench/.out)…"
npx tsx scripts/bench.ts --build-only
(cd bench/.out && cp -a app app-[0-9]* baseline story-layers chunk-shares.json "$STAGE/bench/.out/")
# import.meta.url is pinned so that generate-events.ts, bundled in, does not take the bundle for itself.
npx esbuild scripts/bench.ts --bundle --platform=node --format=esm --log-level=warning \
  --external:vite --external:playwright-core --define:import.meta.url='"file:///gpu-bench/bench.mjs"' \
  --outfile="$STAGE/bench.mjs"

echo "downloading Chromium's headless shell and the GL loaders…"
(cd "$DEBS" && apt-get download -q chromium-headless-shell chromium-common \
  libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2)
for deb in "$DEBS"/*.deb; do dpkg -x "$deb" "$DEBS/root"; done
CHROME_DIR="$DEBS/root/usr/lib/chromium"
cp "$CHROME_DIR"/chromium-headless-shell "$CHROME_DIR"/headless_*.pak "$STAGE/chrome/"
for f in icudtl.dat v8_context_snapshot.bin snapshot_blob.bin libvulkan.so.1 libEGL.so libGLESv2.so \
  libvk_swiftshader.so vk_swiftshader_icd.json; do cp "$CHROME_DIR/$f" "$STAGE/chrome/"; done
cp -a "$DEBS"/root/usr/lib/x86_64-linux-gnu/lib{EGL,GL,GLX,GLdispatch,GLESv2,OpenGL,vulkan}.so* "$STAGE/gl/"
# Every library the shell links but the C library itself, as this machine has them (run.sh prefers
# the target's own C++ runtime).
ldd "$STAGE/chrome/chromium-headless-shell" | awk '/=> \// {print $3}' \
  | grep -v -E '/(libc|libm|libdl|libpthread|librt)\.so' | xargs -I{} cp -L {} "$STAGE/libs/"

cp "$(command -v node)" "$STAGE/node"
cp -a node_modules/playwright-core "$STAGE/node_modules/"
cp node_modules/maplibre-gl/dist/maplibre-gl.css "$STAGE/node_modules/maplibre-gl/dist/"

echo "compressing…"
rm -f "$DEST"/gpu-bench.tar.xz*
tar -C "$STAGE" -cf - . | xz -9 -T0 > "$DEST/gpu-bench.tar.xz"
if [ -n "${SPLIT:-}" ]; then
  split -b "$SPLIT" -d "$DEST/gpu-bench.tar.xz" "$DEST/gpu-bench.tar.xz.part"
  rm "$DEST/gpu-bench.tar.xz"
fi
ls -l "$DEST"/gpu-bench.tar.xz*
