#!/usr/bin/env bash
# Builds a self-contained Backdrop application image with jpackage (JDK 17 or later, with jmods).
# Run on the platform you build for: Linux gives target/installer/Backdrop/ with bin/Backdrop,
# Windows and macOS give their own app-image layouts. Add --type deb, rpm, msi, exe, dmg or pkg
# to JPACKAGE_TYPE for an installer where the platform's packaging tools are present.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q package -DskipTests

rm -rf target/installer target/jpackage-input
mkdir -p target/jpackage-input
cp target/backdrop.jar target/jpackage-input/
cp -r target/lib target/jpackage-input/lib

jpackage \
  --type "${JPACKAGE_TYPE:-app-image}" \
  --name Backdrop \
  --app-version "$(sed -n 's:.*<version>\([0-9.]*\).*:\1:p' pom.xml | head -1)" \
  --input target/jpackage-input \
  --main-jar backdrop.jar \
  --main-class org.backdrop.Launcher \
  --java-options "-Xmx4g -XX:TieredStopAtLevel=1" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files" \
  --dest target/installer

echo "Built target/installer/Backdrop"
