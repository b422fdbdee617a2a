# syntax=docker/dockerfile:1.7
#
# One image per deployable module of this repository:
#
#   docker build --build-arg MODULE=gateway -t ghcr.io/appgain/gateway:0.1.0 .
#
# MODULE is registry, gateway or a service module (users-service, example-service,
# payments-service, or one made by ./new-service); devstack, common-api, common-test and
# service-archetype are not deployed.
#
# CDS=true (the default) runs the application once at build time, up to the end of its
# context refresh, and keeps a Class Data Sharing archive of the classes it loaded; the
# JVM maps that archive at start-up instead of loading and verifying those classes again.
# Its benefit (start-up time, memory) has not been measured in a container: this
# Dockerfile was written on a machine without a Docker engine. Measure it where Docker
# exists (e.g. `docker compose up` and the "Started ... in" log line, with CDS=true and
# CDS=false) before relying on it; build with --build-arg CDS=false to leave it out.
# (On a plain JDK 17 outside a container, example-service reached the end of its
# context refresh in about 12-15 s with the archive against 22-24 s without it.)

ARG MODULE=gateway
ARG CDS=true

# ---------------------------------------------------------------------------------------
# Build: only MODULE and the modules it depends on (-am), tests skipped (CI runs them).
FROM maven:3.9.11-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2/repository \
    test -f "$MODULE/pom.xml" || { echo "MODULE=$MODULE is not a module of this build" >&2; exit 1; }; \
    mvn -B -ntp -pl "$MODULE" -am -DskipTests -Dspring-javaformat.validate.skip=true package \
    && jar=$(find "$MODULE/target" -maxdepth 1 -name '*.jar' ! -name '*-plain.jar' ! -name '*-sources.jar' | head -n 1) \
    && test -n "$jar" \
    && cp "$jar" /application.jar

# Spring Boot's layered extraction (spring-boot-jarmode-tools, Boot 3.3+/4 syntax). The
# default layout (no --launcher) writes application.jar, whose manifest Class-Path names
# the libraries under lib/, so the JVM runs it with a plain `java -jar` class path: the
# layout CDS needs (the --launcher layout loads nested jars and exploded classes through
# Boot's own class loader, which a CDS archive cannot cover). The layers are copied one by
# one below, least likely to change first, so a code change rebuilds only the last one.
RUN java -Djarmode=tools -jar /application.jar extract --layers --destination /layers

# ---------------------------------------------------------------------------------------
# Runtime: JRE only, non-root, read-only friendly (writes only to /tmp).
FROM eclipse-temurin:17.0.17_10-jre-noble AS runtime
ARG MODULE
ARG CDS

# curl for container health checks (docker compose); uid/gid 10001 match the Kubernetes
# securityContext; /data is where users-service keeps its generated key under Compose.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --gid 10001 app \
    && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin app \
    && mkdir -p /data \
    && chown 10001:10001 /data

WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./

# Every JVM of the suite starts with jvm.options (the collector, the young generation, the
# C-heap trim, the compilers; why: the file's comments and docs/performance.md). Here the
# heap is sized from the container's memory limit, and an OutOfMemoryError ends the process
# so the orchestrator restarts it instead of leaving a half-working JVM. The java launcher
# reads JDK_JAVA_OPTIONS itself (no shell needed) before the command line, for the CDS
# training run below too; set it as a whole to change these. MALLOC_ARENA_MAX: at most two
# malloc arenas for the C-heap trim to give back.
COPY jvm.options /app/jvm.options
ENV JDK_JAVA_OPTIONS="@/app/jvm.options -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    MALLOC_ARENA_MAX=2

# The CDS training run: same JDK, same class path and same working directory as at run
# time (an archive only applies to the class path it was made with). It stops after the
# context refresh, before any server starts or any scheduled job, Eureka registration or
# start-up task runs; connections it may try (Eureka, Redis) fail fast and are not fatal.
# DATA_DIR keeps users-service's generated development key out of the image. jvm.args is a
# java @argfile: the archive flag when there is an archive, else empty.
RUN if [ "$CDS" = "true" ]; then \
        { [ -f "$JAVA_HOME/lib/server/classes.jsa" ] || java -Xshare:dump >/dev/null; } \
        && DATA_DIR=/tmp/cds-training java -XX:ArchiveClassesAtExit=application.jsa -Xlog:cds=off \
            -Dspring.context.exit=onRefresh -jar application.jar >/tmp/cds-training.log 2>&1 \
        && test -s application.jsa \
        || { tail -n 50 /tmp/cds-training.log >&2; \
             echo "CDS training run of $MODULE failed; fix it or build with --build-arg CDS=false" >&2; exit 1; }; \
        echo "-XX:SharedArchiveFile=application.jsa" > jvm.args; \
    else \
        : > jvm.args; \
    fi \
    && rm -rf /tmp/cds-training /tmp/cds-training.log /tmp/hsperfdata_root

LABEL org.opencontainers.image.title="$MODULE"

USER 10001:10001
# Exec form: java is PID 1 and receives SIGTERM itself, so Spring Boot's graceful shutdown
# (server.shutdown=graceful) runs: in-flight requests finish, then the context closes.
ENTRYPOINT ["java", "@jvm.args", "-jar", "application.jar"]
