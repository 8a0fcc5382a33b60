FROM scratch
ENV PATH=$PATH:/go/bin
