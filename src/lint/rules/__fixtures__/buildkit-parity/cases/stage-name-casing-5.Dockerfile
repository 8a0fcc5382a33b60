from alpine:3.20 as BASE
run true
