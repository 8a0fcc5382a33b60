FROM scratch
ARG V=1
ENV W=$V
LABEL v=$V w=$W
