FROM scratch AS a
ENV A=1
FROM a
LABEL a=$A
