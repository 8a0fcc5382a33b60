FROM alpine:3.20
ENV PATH $PATH:/go/bin  extra
