module example.com/multicmd

go 1.26
