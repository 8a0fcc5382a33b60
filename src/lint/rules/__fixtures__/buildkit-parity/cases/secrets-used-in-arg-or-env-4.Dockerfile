FROM alpine:3.20
ARG my-token
