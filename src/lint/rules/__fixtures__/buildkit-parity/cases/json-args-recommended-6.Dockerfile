FROM alpine:3.20
ENTRYPOINT exec /app "$@"
