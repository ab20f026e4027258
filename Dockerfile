# The nomad-gitops controller for Nomad's docker driver (see docs/install.md, "Docker image").
#   docker build -t nomad-gitops .            (or: docker buildx build --platform linux/amd64,linux/arm64 ...)
# Stage 1 publishes the same self-contained single file as scripts/release.sh; stage 2 is a slim Debian with git and
# an ssh client (the controller runs `git` for fetches, `ssh` for git over SSH) and a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH=amd64
WORKDIR /src
COPY . .
RUN rid="linux-$( [ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64 )" \
 && dotnet publish src/NomadGitOps -c Release -r "$rid" --self-contained \
      -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true \
      -p:DebugType=none -o /out

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates git openssh-client \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --create-home --home-dir /home/nomad-gitops nomad-gitops
COPY --from=build /out/nomad-gitops /usr/local/bin/nomad-gitops
COPY --from=build /out/samples /usr/local/bin/samples
USER 10001:10001
WORKDIR /home/nomad-gitops
ENV DOTNET_BUNDLE_EXTRACT_BASE_DIR=/home/nomad-gitops/.cache/dotnet
EXPOSE 9090
ENTRYPOINT ["/usr/local/bin/nomad-gitops"]
CMD ["run"]
