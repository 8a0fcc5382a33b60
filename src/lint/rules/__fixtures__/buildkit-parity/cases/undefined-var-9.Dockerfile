FROM scratch
LABEL a=$NOPE
