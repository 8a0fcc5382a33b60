ARG V=1
FROM scratch
WORKDIR /v$V
