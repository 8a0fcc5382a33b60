FROM alpine:3.20
ENV A=1 B="two words"
LABEL a=b
