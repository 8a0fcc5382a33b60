FROM --platform=linux/amd64 arm64v8/alpine:3.20
