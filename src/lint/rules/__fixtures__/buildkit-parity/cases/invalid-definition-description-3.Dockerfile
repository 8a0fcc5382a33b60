FROM alpine:3.20
# VERSION of the app
ARG VERSION=1
