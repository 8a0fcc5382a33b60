FROM scratch
RUN --mount=type=cache,target=$CACHE true
COPY --chown=$USR a /a
