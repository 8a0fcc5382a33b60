FROM scratch AS s
ARG V=1
FROM s
LABEL x=$V
