FROM --platform=linux/amd64 ghcr.io/arm64v8/alpine:3.20
