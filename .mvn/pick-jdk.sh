# Sourced by ./mvnw, ./hookyard and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Keeps JAVA_HOME (or the java on PATH) when it is new enough; otherwise looks in the usual install folders.
hookyard_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

hookyard_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    [ "$(hookyard_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null && return 0
  elif command -v java >/dev/null 2>&1; then
    current_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if [ "$(hookyard_java_major "$current_home")" -ge 21 ] 2>/dev/null; then
      JAVA_HOME=$current_home
      export JAVA_HOME
      return 0
    fi
  fi
  best_home=""
  best_major=0
  for candidate in /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(hookyard_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best_home=$candidate
      best_major=$major
    fi
  done
  if [ -z "$best_home" ]; then
    echo "Hookyard needs a JDK 21 or newer; none was found. Set JAVA_HOME to one." >&2
    return 1
  fi
  JAVA_HOME=$best_home
  PATH="$JAVA_HOME/bin:$PATH"
  export JAVA_HOME PATH
}
