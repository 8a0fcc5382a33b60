FROM --platform=linux/aarch64 alpine:3.20
