# Sourced by ./mvnw and ./reel: points JAVA_HOME at a JDK 25, or explains how to get one.
reel_find_jdk25() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/java-25* \
      "$HOME"/.sdkman/candidates/java/25* /Library/Java/JavaVirtualMachines/*25*/Contents/Home; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "Reel needs JDK 25 or newer, and none was found (looked at JAVA_HOME and /usr/lib/jvm)." >&2
  echo "Install one (for example Temurin 25) and set JAVA_HOME to it, then run this again." >&2
  return 1
}
reel_find_jdk25 || exit 1
