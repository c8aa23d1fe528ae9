// background stub
