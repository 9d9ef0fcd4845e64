// Methods of str (and the shared search/split helpers bytes uses too).

let strMethods: [NativeSpec] = []
