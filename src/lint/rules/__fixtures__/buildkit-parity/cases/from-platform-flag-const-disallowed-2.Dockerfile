FROM --platform=linux/arm64 alpine:3.20 AS runtime-arm64
