from alpine:3.20
run true
Copy a /a
ENV A=1
