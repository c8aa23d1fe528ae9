// content stub
export {}
