FROM alpine:3.20
RUN <<EOF
echo a

echo b
EOF
