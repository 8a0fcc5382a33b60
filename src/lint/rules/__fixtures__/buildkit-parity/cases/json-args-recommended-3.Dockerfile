FROM alpine:3.20 AS base
SHELL ["/bin/ash", "-c"]
FROM base
ENTRYPOINT /app
