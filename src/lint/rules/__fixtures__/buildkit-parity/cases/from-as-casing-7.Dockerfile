FROM alpine:3.20 As base
RUN true
