FROM alpine:3.20
# Some notes
#
ARG VERSION=1
