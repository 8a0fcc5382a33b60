FROM alpine:3.20
# Version to install

ARG VERSION=1
