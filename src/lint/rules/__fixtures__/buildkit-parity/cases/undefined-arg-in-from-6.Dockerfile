FROM alpine:3.20
ARG TAG=3.20
FROM alpine:$TAG
