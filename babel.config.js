// jest's Babel (webpack.config.js gives babel-loader its own IE11 presets). React's classic
// runtime matches tsconfig's "jsx": "react": files import React themselves.
module.exports = {
  presets: [
    ["@babel/preset-env", { targets: { node: "current" } }],
    "@babel/preset-typescript",
    ["@babel/preset-react", { runtime: "classic" }],
  ],
};
