FROM scratch
ARG V
LABEL v=$V
