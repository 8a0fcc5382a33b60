FROM scratch
COPY <<EOF /x
hello $FOO
EOF
COPY <<"EOF" /y
hello $BAR
EOF
LABEL x=$1 y=$$ z=${A:-b}
