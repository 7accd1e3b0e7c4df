# Digikomp LMS server: build the runnable jar with Maven, run it on a Java 17 JRE as a non-root user.
#   docker build -t digikomp .
#   docker run -p 8080:8080 -v digikomp-data:/data digikomp
# With an external database, add -e LMS_DB_URL=jdbc:mysql://db:3306/lms -e LMS_DB_USER=lms -e LMS_DB_PASSWORD=...
# (pass secrets at run time; none are baked into the image).

# Node.js 20 and npm for the build's `npm ci` (Designsystemet's CSS for the pages, lms-server/app/package-lock.json)
FROM node:20-bookworm-slim AS node

FROM maven:3.9-eclipse-temurin-17 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && node --version && npm --version
WORKDIR /src
COPY . .
RUN mvn -B -DskipTests -pl lms-server/launcher -am package

FROM eclipse-temurin:17.0.15_6-jre-jammy
RUN groupadd --system digikomp && useradd --system --gid digikomp --home-dir /data digikomp \
    && mkdir -p /data && chown digikomp:digikomp /data \
    && apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/lms-server/target/lms-server.jar /opt/digikomp/lms-server.jar
USER digikomp
WORKDIR /data
ENV LMS_DATA_DIR=/data \
    LMS_HTTP_ADDRESS=0.0.0.0
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/opt/digikomp/lms-server.jar"]
CMD ["--port", "8080"]
