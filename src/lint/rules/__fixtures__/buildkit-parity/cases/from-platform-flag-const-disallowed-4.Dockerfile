ARG P=linux/amd64
FROM --platform=$P alpine:3.20
