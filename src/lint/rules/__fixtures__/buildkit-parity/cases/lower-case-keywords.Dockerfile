from alpine
cmd echo hi
cmd ["a"]
env A 1
