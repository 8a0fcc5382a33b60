from alpine:3.20 as base
run true
